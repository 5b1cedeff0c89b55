// The capture worker: reads capture files off the page's thread (captureService.ts). Started when
// the first file is opened: the engine worker, which every page starts, carries none of this code.
import { createCaptureService } from './captureService';
import { serve } from './rpc';

serve(createCaptureService());
