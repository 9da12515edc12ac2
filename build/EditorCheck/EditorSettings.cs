using System;
using System.Text.Json.Nodes;

/// <summary>What the check tells csharp-ls about itself and its settings, as a minimal editor would.</summary>
sealed class EditorSettings
{
    /// <summary>The csharp.analyzersEnabled value the server is given (workspace/configuration, didChangeConfiguration).</summary>
    public bool AnalyzersEnabled { get; set; } = true;

    /// <summary>Push diagnostics only (no pull capability), and a workspace configuration to ask for.</summary>
    public static JsonObject InitializeParameters(string projectDirectory)
    {
        string root = new Uri(projectDirectory + "/").AbsoluteUri;
        return new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = root,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = "consumer" }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true },
                },
            },
        };
    }

    /// <summary>The workspace/didChangeConfiguration parameters an editor sends when the setting changes.</summary>
    public JsonObject ChangeParameters() =>
        new() { ["settings"] = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = AnalyzersEnabled } } };

    /// <summary>workspace/configuration gets the csharp section; every other server request, null.</summary>
    public JsonNode? Answer(string method, JsonNode? parameters)
    {
        if (method != "workspace/configuration")
        {
            return null;
        }
        var answers = new JsonArray();
        foreach (JsonNode? item in parameters?["items"]?.AsArray() ?? new JsonArray())
        {
            answers.Add((string?)item?["section"] == "csharp" ? new JsonObject { ["analyzersEnabled"] = AnalyzersEnabled } : null);
        }
        return answers;
    }
}
