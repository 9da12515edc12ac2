using System.Threading;
using Microsoft.CodeAnalysis;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>A diagnostic with the document it was reported in.</summary>
internal sealed class Finding
{
    public Finding(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        Diagnostic = diagnostic;
        Root = root;
        Model = model;
        CancellationToken = cancellationToken;
    }

    public Diagnostic Diagnostic { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public CancellationToken CancellationToken { get; }

    public string? Property(string key) => Diagnostic.Properties.TryGetValue(key, out var value) ? value : null;

    /// <summary>The innermost node at the diagnostic's location.</summary>
    public SyntaxNode Node => Root.FindNode(Diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    /// <summary>The innermost node at the first additional location (the call that made the value), in this document.</summary>
    public SyntaxNode? Origin =>
        Diagnostic.AdditionalLocations.Count > 0 && Diagnostic.AdditionalLocations[0].SourceTree == Root.SyntaxTree
            ? Root.FindNode(Diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true)
            : null;
}
