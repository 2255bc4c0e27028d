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
await EmulatorApp.StartAsync(app);
await app.WaitForShutdownAsync();
return 0;

public partial class Program { }
