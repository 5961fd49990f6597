package headwater.domain.subscriber;

/** The unit a plan's billing period is counted in. Months are calendar months (31 January + 1 month = 28/29 February). */
public enum PeriodUnit {
    DAYS, MONTHS
}
