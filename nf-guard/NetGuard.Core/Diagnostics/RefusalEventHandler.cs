namespace NetGuard.Diagnostics
{
    /// <summary>
    /// Called for each refusal the network guard makes, on the thread that was refused, after the
    /// refusal was counted and logged. Keep handlers short; a handler that throws propagates to the
    /// caller that was refused. (A non-generic delegate: generic delegates fail at run time on
    /// nanoFramework 1.x.)
    /// </summary>
    /// <param name="sender">The guard that refused.</param>
    /// <param name="refusal">What was refused.</param>
    public delegate void RefusalEventHandler(object sender, RefusalEvent refusal);
}
