namespace NetGuard.Http
{
    /// <summary>The kind of a member value in a <see cref="JsonObject"/>.</summary>
    public enum JsonValueKind
    {
        /// <summary>No such member.</summary>
        None = 0,

        /// <summary>A JSON string.</summary>
        String = 1,

        /// <summary>A JSON number.</summary>
        Number = 2,

        /// <summary>The literal <c>true</c> or <c>false</c>.</summary>
        Boolean = 3,

        /// <summary>The literal <c>null</c>.</summary>
        Null = 4,

        /// <summary>A nested object or array: syntax-checked within the depth bound, value not kept.</summary>
        Nested = 5,
    }
}
