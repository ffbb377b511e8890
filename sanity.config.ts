// Where the Sanity CLI finds the Studio's configuration; the Studio itself lives in studio/.
export { default } from './studio/sanity.config.ts'
