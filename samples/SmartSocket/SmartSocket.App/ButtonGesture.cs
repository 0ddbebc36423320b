namespace NetGuard.Samples.SmartSocket
{
    /// <summary>What a button press meant.</summary>
    public enum ButtonGesture
    {
        /// <summary>Nothing complete yet, or bounce.</summary>
        None = 0,

        /// <summary>A press shorter than the long-press threshold: toggle the relay.</summary>
        ShortPress = 1,

        /// <summary>A press held past the threshold: factory reset.</summary>
        LongPress = 2,
    }
}
