using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ClusterRegistry.CodeFixes
{
    /// <summary>
    /// Small, shape-checked syntax edits the fixes share. Each returns null when the code does not have the expected
    /// shape, and the fix is then simply not offered: a fix never guesses.
    /// </summary>
    internal static class SyntaxEdits
    {
        /// <summary>The object creation of SDK type <paramref name="typeName"/> that encloses <paramref name="node"/>, or that is an argument of the resource creation enclosing it.</summary>
        public static BaseObjectCreationExpressionSyntax? FindCreation(SyntaxNode node, SemanticModel model, string typeName)
        {
            foreach (var c in node.AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (IsType(c, model, typeName))
                {
                    return c;
                }

                // new SpegelRelease("spegel", new SpegelArgs { ... }): the args creation is inside the resource's.
                var inner = c.ArgumentList?.Arguments.Select(a => a.Expression).OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault(a => IsType(a, model, typeName));
                if (inner is not null)
                {
                    return inner;
                }
            }

            return null;
        }

        /// <summary>Every creation of <paramref name="typeName"/> in the class that holds <paramref name="node"/>.</summary>
        public static BaseObjectCreationExpressionSyntax[] CreationsInClass(SyntaxNode node, SemanticModel model, string typeName)
        {
            var cls = node.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
            return cls is null
                ? new BaseObjectCreationExpressionSyntax[0]
                : cls.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>().Where(c => IsType(c, model, typeName)).ToArray();
        }

        public static bool IsType(ExpressionSyntax e, SemanticModel model, string typeName)
        {
            var t = model.GetTypeInfo(e).Type;
            return t is not null && t.Name == typeName && t.ContainingNamespace?.ToDisplayString().StartsWith("ClusterRegistry", System.StringComparison.Ordinal) == true;
        }

        /// <summary><c>Name = value</c> in the creation's initializer: replaces an existing assignment or adds one.</summary>
        public static BaseObjectCreationExpressionSyntax SetProperty(BaseObjectCreationExpressionSyntax creation, string name, ExpressionSyntax value)
        {
            var existing = creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                .FirstOrDefault(a => a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == name);
            if (existing is not null)
            {
                return creation.ReplaceNode(existing.Right, value.WithTriviaFrom(existing.Right));
            }

            return AddInitializerElement(creation, AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(name), value));
        }

        /// <summary>Adds <paramref name="element"/> to <c>Name = { ... }</c> in the creation's initializer, creating the member initializer if needed.</summary>
        public static BaseObjectCreationExpressionSyntax AddToCollection(BaseObjectCreationExpressionSyntax creation, string name, ExpressionSyntax element)
        {
            var existing = creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                .FirstOrDefault(a => a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == name && a.Right is InitializerExpressionSyntax);
            if (existing?.Right is InitializerExpressionSyntax list)
            {
                return creation.ReplaceNode(list, AddElement(list, element));
            }

            var collection = InitializerExpression(SyntaxKind.CollectionInitializerExpression, SingletonSeparatedList(element))
                .WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(Space))
                .WithCloseBraceToken(Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(Space));
            return AddInitializerElement(creation, AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(name), collection));
        }

        private static BaseObjectCreationExpressionSyntax AddInitializerElement(BaseObjectCreationExpressionSyntax creation, ExpressionSyntax element)
        {
            element = Spaced(element);
            if (creation.Initializer is { } init)
            {
                return creation.WithInitializer(AddElement(init, element));
            }

            var newInit = InitializerExpression(SyntaxKind.ObjectInitializerExpression, SingletonSeparatedList(element))
                .WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(Space).WithTrailingTrivia(Space))
                .WithCloseBraceToken(Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(Space));
            var trailing = creation.GetTrailingTrivia();
            return creation.WithoutTrailingTrivia().WithInitializer(newInit).WithTrailingTrivia(trailing);
        }

        /// <summary>Normalises spacing of a generated expression (<c>A = { "x" }</c>), keeping it on one line.</summary>
        public static T Spaced<T>(T node)
            where T : SyntaxNode => node.NormalizeWhitespace(indentation: "", eol: " ", elasticTrivia: false);

        /// <summary>Adds an element, following the list's layout: one per line (with the trailing-comma style kept) or inline.</summary>
        public static InitializerExpressionSyntax AddElement(InitializerExpressionSyntax init, ExpressionSyntax element)
        {
            element = Spaced(element);
            var exprs = init.Expressions;
            if (exprs.Count == 0)
            {
                // The compiler parses an empty nested initializer "Name = { }" as an object initializer; with an element in
                // it, it is a collection initializer unless the element is an assignment ("[key] = value"). The new node
                // takes the kind the compiler gives its text, so the fixed tree is the tree of the fixed file.
                var kind = element is AssignmentExpressionSyntax ? SyntaxKind.ObjectInitializerExpression : SyntaxKind.CollectionInitializerExpression;
                return InitializerExpression(kind, init.OpenBraceToken.WithTrailingTrivia(Space), SingletonSeparatedList(element), init.CloseBraceToken.WithLeadingTrivia(Space))
                    .WithTriviaFrom(init);
            }

            var multiline = init.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) ||
                            exprs[0].GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var nodes = exprs.ToList();
            var separators = exprs.GetSeparators().ToList();
            var last = nodes[nodes.Count - 1];
            if (multiline)
            {
                var indent = last.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToList();
                var newElement = element.WithLeadingTrivia(indent);
                if (separators.Count == nodes.Count)
                {
                    // Trailing comma style: "a,\n" → "a,\n    new,\n".
                    var lastSeparator = separators[separators.Count - 1];
                    nodes.Add(newElement);
                    separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(lastSeparator.TrailingTrivia));
                }
                else
                {
                    var eol = last.GetTrailingTrivia();
                    nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
                    separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(eol));
                    nodes.Add(newElement.WithTrailingTrivia(eol));
                }
            }
            else
            {
                var trailing = last.GetTrailingTrivia();
                if (separators.Count == nodes.Count)
                {
                    nodes.Add(element.WithLeadingTrivia(Space).WithTrailingTrivia(separators[separators.Count - 1].TrailingTrivia));
                    separators[separators.Count - 1] = separators[separators.Count - 1].WithTrailingTrivia();
                    separators.Add(Token(SyntaxKind.CommaToken));
                }
                else
                {
                    nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
                    separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space));
                    nodes.Add(element.WithTrailingTrivia(trailing));
                }
            }

            return init.WithExpressions(SeparatedList(nodes, separators));
        }

        public static LiteralExpressionSyntax String(string value) => LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(value));

        /// <summary>C# source for a string literal.</summary>
        public static string Quote(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        /// <summary>
        /// Parses generated code written with <c>global::</c>-qualified SDK names and marks those names for simplification,
        /// so the result reads <c>TalosHostEntry</c> where the namespace is imported and stays correct where it is not.
        /// </summary>
        public static ExpressionSyntax Code(string code)
        {
            var e = code.TrimStart().StartsWith("[", System.StringComparison.Ordinal) ? InitializerElement(code) : ParseExpression(code);
            var names = e.DescendantNodesAndSelf().OfType<AliasQualifiedNameSyntax>().Cast<SyntaxNode>()
                .Select(n => n.Parent is QualifiedNameSyntax || n.Parent is MemberAccessExpressionSyntax ? n.Parent! : n)
                .ToList();
            var annotated = e.ReplaceNodes(
                e.DescendantNodesAndSelf().Where(n => n is QualifiedNameSyntax || n is MemberAccessExpressionSyntax m && m.DescendantNodes().OfType<AliasQualifiedNameSyntax>().Any()),
                (_, n) => n.WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation));
            return names.Count == 0 ? e : annotated;
        }

        /// <summary>
        /// An initializer element such as <c>["key"] = value</c>, parsed where it stands (inside an object initializer), so
        /// its left side is an implicit element access, as the compiler parses it, and not a collection expression.
        /// </summary>
        private static ExpressionSyntax InitializerElement(string code)
        {
            var creation = (ObjectCreationExpressionSyntax)ParseExpression("new C { " + code + " }");
            return creation.Initializer!.Expressions[0].WithoutTrivia();
        }

        /// <summary>The expression the diagnostic span covers: the right side of an assignment, the key of <c>[key] = v</c>, or the node itself.</summary>
        public static ExpressionSyntax? ValueAt(SyntaxNode node)
        {
            switch (node)
            {
                case AssignmentExpressionSyntax a when a.Left is ImplicitElementAccessSyntax:
                    return a.Left;
                case AssignmentExpressionSyntax a:
                    return a.Right;
                case ArgumentSyntax arg:
                    return arg.Expression;
                case ExpressionSyntax e:
                    return e;
                default:
                    return null;
            }
        }

        /// <summary>A local or field of SDK type <paramref name="typeName"/> in scope at <paramref name="position"/>, created with name <paramref name="resourceName"/>.</summary>
        public static string? FindResourceVariable(SemanticModel model, int position, string typeName, string resourceName)
        {
            foreach (var symbol in model.LookupSymbols(position))
            {
                var type = symbol switch
                {
                    ILocalSymbol l => l.Type,
                    IFieldSymbol f => f.Type,
                    _ => null,
                };
                if (type?.Name != typeName)
                {
                    continue;
                }

                foreach (var r in symbol.DeclaringSyntaxReferences)
                {
                    if (r.GetSyntax() is VariableDeclaratorSyntax v && v.Initializer?.Value is BaseObjectCreationExpressionSyntax c &&
                        c.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax lit && lit.Token.ValueText == resourceName)
                    {
                        return symbol.Name;
                    }
                }

                // Assigned elsewhere (a field set in the constructor): search assignments in the class.
                var cls = symbol.ContainingType?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
                if (cls is not null)
                {
                    foreach (var a in cls.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    {
                        if (a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == symbol.Name && a.Right is BaseObjectCreationExpressionSyntax c2 &&
                            c2.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax lit2 && lit2.Token.ValueText == resourceName)
                        {
                            return symbol.Name;
                        }
                    }
                }
            }

            return null;
        }
    }
}
