# The services `npm start` runs: name, port, one per line. Sourced by start.sh and stop.sh.
KESSAI_SERVICES="throttle-gateway:3000
billing-requests:3001
payment-screen:3002
recurring-engine:3003
credit-screening:3004
processor-sim:3005
merchant-console:3006"
