using ChatApi.Emulator.Hosting;

EmulatorOptions? options;
try
{
    options = EmulatorOptionsParser.Parse(args);
}
catch (OptionsException e)
{
    Console.Error.WriteLine($"ChatApi.Emulator: {e.Message}");
    return 2;
}
if (options is null)
{
    Console.WriteLine(EmulatorOptionsParser.Usage);
    return 0;
}

await using var app = EmulatorApp.Create(options);
var baseAddress = await EmulatorApp.StartAsync(app);
if (options.ExitWithPid is int owner) OwnerWatch.Start(app, owner);
if (options.ReadyFile is not null) ReadyFile.Write(options.ReadyFile, baseAddress);
await app.WaitForShutdownAsync();
return 0;

public partial class Program { }
