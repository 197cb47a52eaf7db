/// <reference types="astro/client" />
declare module 'virtual:site-theme.css';
