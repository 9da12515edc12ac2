using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

/// <summary>
/// A language-server process spoken to over stdin/stdout (JSON-RPC with Content-Length headers). Server requests
/// are answered by <see cref="AnswerServerRequest"/>; notifications go to <see cref="Notifications"/>.
/// </summary>
sealed class LspConnection : IAsyncDisposable
{
    readonly Process _server;
    readonly Stream _input;
    readonly Stream _output;
    readonly SemaphoreSlim _writeLock = new(1, 1);
    readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    readonly Task _reader;
    int _nextId;

    public Channel<JsonObject> Notifications { get; } = Channel.CreateUnbounded<JsonObject>();

    /// <summary>What a server request (workspace/configuration, client/registerCapability, ...) is answered.</summary>
    public Func<string, JsonNode?, JsonNode?> AnswerServerRequest { get; init; } = (_, _) => null;

    public LspConnection(ProcessStartInfo start)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _server = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        _server.ErrorDataReceived += (_, e) => { if (e.Data is not null) ServerLog.Append(e.Data).Append('\n'); };
        _server.BeginErrorReadLine();
        _input = _server.StandardInput.BaseStream;
        _output = _server.StandardOutput.BaseStream;
        _reader = Task.Run(ReadLoop);
    }

    /// <summary>The server's stderr, shown when a check fails.</summary>
    public StringBuilder ServerLog { get; } = new();

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        int id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await answer.Task.WaitAsync(timeout);
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    async Task WriteAsync(JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync();
        try
        {
            await _input.WriteAsync(header);
            await _input.WriteAsync(body);
            await _input.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    async Task ReadLoop()
    {
        try
        {
            while (await ReadMessageAsync() is JsonObject message)
            {
                await DispatchAsync(message);
            }
        }
        finally
        {
            Notifications.Writer.TryComplete();
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new EndOfStreamException("the server closed its output"));
            }
        }
    }

    async Task DispatchAsync(JsonObject message)
    {
        bool hasId = message.TryGetPropertyValue("id", out JsonNode? id) && id is not null;
        string? method = (string?)message["method"];
        if (hasId && method is not null)
        {
            await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id!.DeepClone(), ["result"] = AnswerServerRequest(method, message["params"]) });
        }
        else if (hasId && _pending.TryRemove((int)id!, out var answer))
        {
            if (message["error"] is JsonNode error)
            {
                answer.TrySetException(new InvalidOperationException($"server error: {error.ToJsonString()}"));
            }
            else
            {
                answer.TrySetResult(message["result"]);
            }
        }
        else if (method is not null)
        {
            await Notifications.Writer.WriteAsync(message);
        }
    }

    async Task<JsonObject?> ReadMessageAsync()
    {
        int length = -1;
        while (await ReadHeaderLineAsync() is string line)
        {
            if (line.Length == 0)
            {
                if (length < 0)
                {
                    throw new InvalidDataException("a message without Content-Length");
                }
                byte[] body = new byte[length];
                await _output.ReadExactlyAsync(body);
                return JsonNode.Parse(body)!.AsObject();
            }
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim());
            }
        }
        return null;
    }

    async Task<string?> ReadHeaderLineAsync()
    {
        var line = new StringBuilder();
        byte[] one = new byte[1];
        while (await _output.ReadAsync(one) == 1)
        {
            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }
            line.Append((char)one[0]);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _server.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        _server.Dispose();
    }
}
