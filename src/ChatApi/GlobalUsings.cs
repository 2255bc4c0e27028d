// The namespaces nearly every cmdlet file uses, once for the project.
global using System;
global using System.Collections;
global using System.Collections.Generic;
global using System.Management.Automation;
global using System.Threading.Tasks;
global using ChatApi.Completers;
global using ChatApi.Engine;
global using ChatApi.Engine.Http;
global using ChatApi.Engine.Migration;
