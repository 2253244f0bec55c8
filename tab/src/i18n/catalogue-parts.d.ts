// A catalogue's first-screen sections or the others (tab/vite.config.ts, catalogueParts).
declare module '*.json?part=start' {
  const catalogue: import('./translator').Catalogue;
  export default catalogue;
}
declare module '*.json?part=rest' {
  const catalogue: import('./translator').Catalogue;
  export default catalogue;
}
