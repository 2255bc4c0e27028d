// Runs Prism's command line in this process and ends it when the owner process ends:
//   node prism-owned.js <owner pid> mock ...
// so a Prism started by a test run never outlives the PowerShell that started it, even when that one
// is killed or fails before it could stop Prism itself (the emulator's --exit-with does the same).
'use strict';
const owner = Number(process.argv[2]);
if (!Number.isInteger(owner) || owner <= 0) {
  console.error('prism-owned.js: the first argument must be the owner\'s process id');
  process.exit(2);
}
process.argv.splice(2, 1);   // what is left is Prism's own command line
setInterval(() => {
  try { process.kill(owner, 0); } catch { process.exit(0); }
}, 500).unref();
require('./node_modules/@stoplight/prism-cli/dist/index.js');
