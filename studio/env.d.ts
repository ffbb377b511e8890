// Vite gives the Studio build its SANITY_STUDIO_* variables on import.meta.env.
/// <reference types="vite/client" />
