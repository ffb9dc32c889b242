// class-transformer ships its metadata storage's types apart from the CommonJS module that holds it.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
