using GamePulse.Hosting;
using GamePulse.Worker.Hosting;

return await StartupGuard.RunAsync("worker", () => WorkerCommandLine.RunAsync(args));
