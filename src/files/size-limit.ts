/**
 * The size limit of every data file content names: a chart's data, an
 * artifact, a confusion matrix. Above it the build fails: a chart cannot show
 * more than a thousand points per series anyway, and a huge file slows every
 * build.
 */
export const MAX_DATA_FILE_BYTES = 5 * 1024 * 1024;
