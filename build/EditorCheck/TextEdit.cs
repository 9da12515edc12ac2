using System;
using System.Text.Json.Nodes;

/// <summary>An incremental textDocument/didChange content change, with LSP positions (zero-based line and UTF-16 column).</summary>
static class TextEdit
{
    public static JsonObject Replace(string text, string oldText, string newText)
    {
        int offset = text.IndexOf(oldText, StringComparison.Ordinal);
        if (offset < 0)
        {
            throw new ArgumentException($"the document does not contain '{oldText}'");
        }
        return new JsonObject
        {
            ["range"] = new JsonObject { ["start"] = Position(text, offset), ["end"] = Position(text, offset + oldText.Length) },
            ["text"] = newText,
        };
    }

    static JsonObject Position(string text, int offset)
    {
        int lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        int line = 0;
        for (int i = 0; i < lineStart; i++)
        {
            line += text[i] == '\n' ? 1 : 0;
        }
        return new JsonObject { ["line"] = line, ["character"] = offset - lineStart };
    }
}
