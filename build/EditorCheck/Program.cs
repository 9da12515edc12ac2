using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

// usage: EditorCheck SERVER_DIRECTORY PROJECT_DIRECTORY DOCUMENT RULE OLD NEW
// Starts csharp-ls (`dotnet tool run csharp-ls` in SERVER_DIRECTORY, where the tool manifest is) on the restored
// project in PROJECT_DIRECTORY with csharp.analyzersEnabled, opens DOCUMENT as an editor would, waits until RULE is
// published for it, replaces the first OLD by NEW (textDocument/didChange) and waits until RULE is gone; then turns
// the setting off (workspace/didChangeConfiguration), types the original text again and checks RULE stays away.
// Prints "ok   ..." or "FAIL ..." per step; exits 1 when one failed.
if (args.Length != 6)
{
    Console.Error.WriteLine("usage: EditorCheck SERVER_DIRECTORY PROJECT_DIRECTORY DOCUMENT RULE OLD NEW");
    return 2;
}

string serverDirectory = args[0], rule = args[3], oldText = args[4], newText = args[5];
string projectDirectory = Path.GetFullPath(args[1]);
string documentPath = Path.Combine(projectDirectory, args[2]);
string documentUri = new Uri(documentPath).AbsoluteUri;
var loadTimeout = TimeSpan.FromSeconds(240);
var editTimeout = TimeSpan.FromSeconds(60);

var start = new ProcessStartInfo("dotnet") { WorkingDirectory = serverDirectory };
foreach (string argument in new[] { "tool", "run", "csharp-ls" })
{
    start.ArgumentList.Add(argument);
}
var settings = new EditorSettings();
await using var server = new LspConnection(start) { AnswerServerRequest = settings.Answer };

try
{
    await server.RequestAsync("initialize", EditorSettings.InitializeParameters(projectDirectory), loadTimeout);
    await server.NotifyAsync("initialized", new JsonObject());

    string text = await File.ReadAllTextAsync(documentPath);
    var clock = Stopwatch.StartNew();
    await server.NotifyAsync("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = documentUri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
    });
    JsonArray found = await WaitForDiagnostics(server, version: 1, d => d.Any(IsRule), loadTimeout);
    JsonNode diagnostic = found.First(IsRule)!;
    if (found.Count(IsRule) != 1)
    {
        throw new InvalidOperationException($"{rule} was published {found.Count(IsRule)} times for one finding");
    }
    Console.WriteLine($"ok   csharp-ls published {rule} for the opened document {clock.Elapsed.TotalSeconds:F1} s after it was opened (project load included): {args[2]}({Line(diagnostic) + 1},{Character(diagnostic) + 1}): {diagnostic["message"]}");

    clock.Restart();
    await server.NotifyAsync("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = documentUri, ["version"] = 2 },
        ["contentChanges"] = new JsonArray(TextEdit.Replace(text, oldText, newText)),
    });
    await WaitForDiagnostics(server, version: 2, d => !d.Any(IsRule), editTimeout);
    Console.WriteLine($"ok   {rule} was withdrawn {clock.Elapsed.TotalSeconds:F2} s after the edit replacing '{oldText}' with '{newText}'");

    // The control: with the setting turned off, the misuse typed again (version 3) is published without the rule.
    settings.AnalyzersEnabled = false;
    await server.NotifyAsync("workspace/didChangeConfiguration", settings.ChangeParameters());
    await server.NotifyAsync("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = documentUri, ["version"] = 3 },
        ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
    });
    JsonArray withoutAnalyzers = await WaitForDiagnostics(server, version: 3, _ => true, editTimeout);
    if (withoutAnalyzers.Any(IsRule))
    {
        throw new InvalidOperationException($"{rule} was published with csharp.analyzersEnabled turned off");
    }
    Console.WriteLine($"ok   with csharp.analyzersEnabled turned off, the misuse typed again is published without {rule}");

    await server.RequestAsync("shutdown", null, editTimeout);
    await server.NotifyAsync("exit", null);
    return 0;
}
catch (Exception failure)
{
    Console.WriteLine($"FAIL editor check: {failure.Message}");
    Console.WriteLine("     csharp-ls's stderr (last lines):");
    foreach (string line in server.ServerLog.ToString().Split('\n').TakeLast(30))
    {
        Console.WriteLine("     " + line);
    }
    return 1;
}

bool IsRule(JsonNode? diagnostic) => (string?)diagnostic?["code"] == rule;

// The first textDocument/publishDiagnostics for the document, at VERSION or later when the server says which,
// whose diagnostics satisfy ACCEPT; the ones before it are shown when the wait times out.
async Task<JsonArray> WaitForDiagnostics(LspConnection connection, int version, Func<JsonArray, bool> accept, TimeSpan timeout)
{
    using var deadline = new CancellationTokenSource(timeout);
    string seen = "nothing";
    try
    {
        await foreach (JsonObject message in connection.Notifications.Reader.ReadAllAsync(deadline.Token))
        {
            JsonNode? parameters = message["params"];
            if ((string?)message["method"] != "textDocument/publishDiagnostics" || (string?)parameters?["uri"] != documentUri ||
                (int?)parameters?["version"] < version)
            {
                continue;
            }
            var diagnostics = parameters!["diagnostics"]!.AsArray();
            if (accept(diagnostics))
            {
                return diagnostics;
            }
            seen = diagnostics.Count == 0 ? "no diagnostics" : string.Join("; ", diagnostics.Select(d => $"{d!["code"]} {d["message"]}"));
        }
        throw new EndOfStreamException($"csharp-ls exited while waiting for diagnostics of version {version}; last published: {seen}");
    }
    catch (OperationCanceledException)
    {
        throw new TimeoutException($"no suitable diagnostics for version {version} of the document within {timeout.TotalSeconds:F0} s; last published: {seen}");
    }
}

static int Line(JsonNode diagnostic) => (int)diagnostic["range"]!["start"]!["line"]!;

static int Character(JsonNode diagnostic) => (int)diagnostic["range"]!["start"]!["character"]!;
