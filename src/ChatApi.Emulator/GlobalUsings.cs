// The namespaces nearly every endpoint file uses, once for the project (the SDK adds System, LINQ,
// ASP.NET Core's Http and Routing and the rest of its implicit usings).
global using System.Text.Json.Nodes;
global using ChatApi.Emulator.Http;
global using ChatApi.Emulator.Options;
global using ChatApi.Emulator.State;
