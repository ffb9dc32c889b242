export { WalletModule } from './lib/wallet.module';
