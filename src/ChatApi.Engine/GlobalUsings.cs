// The namespaces nearly every engine file uses, once for the project.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Text.Json;
global using System.Threading.Tasks;
global using ChatApi.Engine.Http;
global using ChatApi.Engine.Wire;
