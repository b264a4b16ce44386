namespace ServiceQuality.Domain.Complaints;

/// <summary>What a complaint is about.</summary>
public enum ComplaintCategory
{
    /// <summary>Staff attitude (服务态度).</summary>
    ServiceAttitude,

    /// <summary>Service quality or process (服务质量 / 流程).</summary>
    ServiceQuality,

    /// <summary>Delay (时限).</summary>
    Delay,

    /// <summary>Billing (收费).</summary>
    Billing,

    /// <summary>Facilities or equipment (设施设备).</summary>
    FacilitiesOrEquipment,

    /// <summary>Damage or loss (损坏 / 丢失).</summary>
    DamageOrLoss,

    /// <summary>Privacy (隐私).</summary>
    Privacy,

    /// <summary>Anything else.</summary>
    Other,
}
