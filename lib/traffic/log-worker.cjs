// Worker-thread entry of the parallel log import (./parallel-read.ts). Worker threads do not inherit tsx's loader,
// so this plain-JavaScript bootstrap registers it before loading the TypeScript worker.
require('tsx/cjs/api').register();
require('./log-worker.ts');
