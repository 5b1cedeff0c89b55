// The engine worker: runs scenarios off the page's thread (engineService.ts).
import { engineService } from './engineService';
import { serve } from './rpc';

serve(engineService);
