using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class whose methods the launcher runs.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public class TestClassAttribute : Attribute { }

    /// <summary>Marks a parameterless test method.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class TestMethodAttribute : Attribute { }

    /// <summary>Marks the method run once before the class's tests.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class SetupAttribute : Attribute { }

    /// <summary>Marks the method run once after the class's tests.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class CleanupAttribute : Attribute { }

    /// <summary>Runs the marked method once with these arguments.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <summary>Creates a row with the method's arguments.</summary>
        public DataRowAttribute(params object[] methodParameters)
        {
            MethodParameters = methodParameters;
        }

        /// <summary>The arguments passed to the method.</summary>
        public object[] MethodParameters { get; }
    }
}
