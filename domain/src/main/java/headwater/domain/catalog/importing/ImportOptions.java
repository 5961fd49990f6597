package headwater.domain.catalog.importing;

/**
 * How an import applies its diff.
 *
 * @param deleteRemoved delete the channels of entries that left the playlist, instead of disabling them
 * @param dryRun        compute and report the diff, write nothing
 * @param batchSize     channels written per transaction (each batch commits its channels and links together, so a
 *                      crash leaves whole batches, and importing again finishes the job without duplicates)
 */
public record ImportOptions(boolean deleteRemoved, boolean dryRun, int batchSize) {

    public static final ImportOptions DEFAULTS = new ImportOptions(false, false, 1000);

    public ImportOptions {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 100000, got " + batchSize);
        }
    }

    public ImportOptions deletingRemoved(boolean delete) {
        return new ImportOptions(delete, dryRun, batchSize);
    }

    public ImportOptions dryRun(boolean dry) {
        return new ImportOptions(deleteRemoved, dry, batchSize);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(deleteRemoved, dryRun, size);
    }
}
