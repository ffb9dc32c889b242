export { IntakeModule } from './lib/intake.module';
export { type IntakeOptions, type SftpIntakeOptions } from './lib/intake.options';
