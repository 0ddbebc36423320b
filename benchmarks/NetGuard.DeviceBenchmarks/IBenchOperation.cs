namespace NetGuard.DeviceBenchmarks
{
    /// <summary>One call of something measured (generic delegates do not run on the device).</summary>
    internal interface IBenchOperation
    {
        /// <summary>Performs the operation once.</summary>
        void Run();
    }
}
