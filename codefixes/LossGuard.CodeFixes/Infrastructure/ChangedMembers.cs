using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>
/// The members a rewrite changed, found by walking both roots together: a rewrite shares every node it did not
/// touch, so unchanged members compare equal at once and only the path to the edit is visited.
/// </summary>
internal static class ChangedMembers
{
    /// <summary>
    /// The changed members, before and after; <c>null</c> when the edit reaches beyond member bodies and initializers
    /// (a <c>using</c>, a type's header, a top-level statement) or adds or removes a member.
    /// </summary>
    public static List<(MemberDeclarationSyntax Before, MemberDeclarationSyntax After)>? Find(SyntaxNode before, SyntaxNode after)
    {
        var changed = new List<(MemberDeclarationSyntax, MemberDeclarationSyntax)>();
        return Walk(before, after, changed) ? changed : null;
    }

    /// <summary>
    /// The members whose bodies an edit can change without changing any other member: methods, properties, fields,
    /// events and the like; not types (whose headers other members read) or top-level statements (one body together).
    /// </summary>
    public static bool IsLeafMember(SyntaxNode node) =>
        node is MemberDeclarationSyntax and not BaseNamespaceDeclarationSyntax and not BaseTypeDeclarationSyntax and not GlobalStatementSyntax;

    private static bool Walk(SyntaxNode before, SyntaxNode after, List<(MemberDeclarationSyntax, MemberDeclarationSyntax)> changed)
    {
        var oldChildren = before.ChildNodesAndTokens();
        var newChildren = after.ChildNodesAndTokens();
        if (oldChildren.Count != newChildren.Count)
        {
            return false;
        }

        for (int index = 0; index < oldChildren.Count; index++)
        {
            var (oldChild, newChild) = (oldChildren[index], newChildren[index]);
            if (oldChild.IsEquivalentTo(newChild))
            {
                continue;
            }

            if (oldChild.AsNode() is not { } oldNode || newChild.AsNode() is not { } newNode || oldNode.RawKind != newNode.RawKind)
            {
                return false;
            }

            if (IsLeafMember(oldNode))
            {
                changed.Add(((MemberDeclarationSyntax)oldNode, (MemberDeclarationSyntax)newNode));
            }
            else if (oldNode is not (CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax) || !Walk(oldNode, newNode, changed))
            {
                return false;
            }
        }

        return true;
    }
}
