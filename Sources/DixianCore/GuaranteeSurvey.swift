/// A dated finding on the 两不愁三保障 and safe drinking water for one household.
public struct GuaranteeSurvey: Hashable, Sendable {
    /// The household.
    public var householdNumber: String
    /// When the household was surveyed.
    public var surveyedOn: LocalDate
    /// 不愁吃、不愁穿.
    public var foodAndClothing: Bool
    /// 义务教育有保障: no child of compulsory-school age out of school.
    public var compulsoryEducation: Bool
    /// 基本医疗有保障: everyone insured and able to get treatment.
    public var basicMedical: Bool
    /// 住房安全有保障.
    public var safeHousing: Bool
    /// Whether the housing has been assessed for safety (房屋安全鉴定).
    public var housingAssessed: Bool
    /// 饮水安全: enough water.
    public var waterQuantity: Bool
    /// 饮水安全: water of standard quality.
    public var waterQuality: Bool
    /// What the surveyor noted.
    public var notes: String

    /// A survey record.
    public init(
        householdNumber: String, surveyedOn: LocalDate, foodAndClothing: Bool = true, compulsoryEducation: Bool = true,
        basicMedical: Bool = true, safeHousing: Bool = true, housingAssessed: Bool = true, waterQuantity: Bool = true,
        waterQuality: Bool = true, notes: String = ""
    ) {
        self.householdNumber = householdNumber
        self.surveyedOn = surveyedOn
        self.foodAndClothing = foodAndClothing
        self.compulsoryEducation = compulsoryEducation
        self.basicMedical = basicMedical
        self.safeHousing = safeHousing
        self.housingAssessed = housingAssessed
        self.waterQuantity = waterQuantity
        self.waterQuality = waterQuality
        self.notes = notes
    }

    /// Whether every guarantee and drinking water hold.
    public var allGuaranteesMet: Bool {
        foodAndClothing && compulsoryEducation && basicMedical && safeHousing && waterQuantity && waterQuality
    }
}
