// Test classes each get their own database, but browser and nginx tests start servers on shared ports and
// processes; running classes one after another keeps the run predictable on a 2-core machine.
[assembly: DoNotParallelize]
