/** The reviews job's type (and stable id): one logical job, never two runs at once. */
export const REVIEWS_TICK_JOB = "reviews.tick";
