export { FilesModule } from './lib/files.module';
