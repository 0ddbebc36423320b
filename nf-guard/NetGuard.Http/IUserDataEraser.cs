using NetGuard.Diagnostics;

namespace NetGuard.Http
{
    /// <summary>
    /// A part of the firmware that keeps user data and erases it on a factory reset (ETSI EN 303 645
    /// 5.11-1): a sample's relay state, schedules, names. Registered with <see cref="AdminApi.AddUserData"/>;
    /// called after the owner credential is gone, from the admin API or the physical button.
    /// </summary>
    public interface IUserDataEraser
    {
        /// <summary>
        /// Erases this part's user data and returns it to its factory state. Returns Accepted, or
        /// <see cref="ReasonCode.StorageWriteFailed"/> when something could not be erased (the reset goes on
        /// with the other parts). Must not throw for storage errors.
        /// </summary>
        /// <returns>The decision.</returns>
        Decision EraseUserData();
    }
}
