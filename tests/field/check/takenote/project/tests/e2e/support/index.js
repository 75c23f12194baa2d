import './commands'

















