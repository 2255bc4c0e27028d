var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "ChatApi emulator");
app.Run();

public partial class Program { }
