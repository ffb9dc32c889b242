export const WALLET_PUBLIC_URL = Symbol('WALLET_PUBLIC_URL');
