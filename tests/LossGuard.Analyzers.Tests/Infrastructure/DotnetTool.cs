using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace LossGuard.Analyzers.Tests.Infrastructure;

/// <summary>Runs the SDK's <c>dotnet</c> in a directory, as a user's shell would, with a time limit.</summary>
internal static class DotnetTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable(), arguments)
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The test host's MSBuild settings belong to the build that started it, not to this project's.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        // No build nodes or servers left running after the call.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(limit)) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(" ", arguments)} took more than {limit.TotalSeconds} s:\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>The <c>dotnet</c> that runs the tests (the SDK's host names itself in DOTNET_HOST_PATH), else the one on the path.</summary>
    private static string Executable() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
