using System;
using System.Text.Json.Nodes;

/// <summary>What the check tells csharp-ls about itself, as a minimal editor would.</summary>
static class EditorSettings
{
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

    /// <summary>workspace/configuration gets csharp.analyzersEnabled = true; every other server request, null.</summary>
    public static JsonNode? Answer(string method, JsonNode? parameters)
    {
        if (method != "workspace/configuration")
        {
            return null;
        }
        var answers = new JsonArray();
        foreach (JsonNode? item in parameters?["items"]?.AsArray() ?? new JsonArray())
        {
            answers.Add((string?)item?["section"] == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null);
        }
        return answers;
    }
}
