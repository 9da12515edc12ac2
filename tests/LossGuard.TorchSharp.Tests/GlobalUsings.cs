global using System;
global using System.Linq;
global using System.Threading.Tasks;
global using LossGuard.TorchSharp.Tests.Infrastructure;
global using Xunit;
global using Xunit.Abstractions;
