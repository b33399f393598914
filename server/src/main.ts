// The language server's Node entry (dist/server.js): the transport is chosen by the client (ipc or stdio).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
