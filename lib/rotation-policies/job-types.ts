/** The rotation policy job's type (and stable id): one logical job, never two runs at once. */
export const ROTATION_POLICIES_JOB = "policies.rotation";
