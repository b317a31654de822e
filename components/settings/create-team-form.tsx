"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { createTeam } from "@/lib/teams/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/** The slug follows the name until the user edits it, then it is theirs. */
export function CreateTeamForm() {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const { pending, error, run } = useServerAction(createTeam);
  const fieldErrors = error?.fieldErrors ?? {};
  const formError = error?.message ?? null;

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          { name, slug },
          () => {
            setName("");
            setSlug("");
            setSlugEdited(false);
          },
        );
      }}
      noValidate
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="team-name">Name</Label>
          <Input
            id="team-name"
            name="name"
            required
            minLength={2}
            maxLength={80}
            placeholder="Platform engineering"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (!slugEdited) setSlug(slugify(event.target.value));
            }}
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={fieldErrors.name ? "team-name-error" : undefined}
            data-testid="create-team-name"
          />
          <FieldError id="team-name-error" messages={fieldErrors.name} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="team-slug">Slug</Label>
          <Input
            id="team-slug"
            name="slug"
            required
            maxLength={40}
            placeholder="platform-eng"
            className="font-mono"
            value={slug}
            onChange={(event) => {
              setSlug(event.target.value);
              setSlugEdited(true);
            }}
            aria-invalid={fieldErrors.slug ? true : undefined}
            aria-describedby={fieldErrors.slug ? "team-slug-error team-slug-hint" : "team-slug-hint"}
            data-testid="create-team-slug"
          />
          <FieldHint id="team-slug-hint">Lowercase letters, digits and dashes. Used in filters and exports.</FieldHint>
          <FieldError id="team-slug-error" messages={fieldErrors.slug} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending || !name.trim() || !slug.trim()} data-testid="create-team-submit">
          <Plus aria-hidden />
          {pending ? "Creating…" : "Create team"}
        </Button>
        <InlineError message={formError} testId="create-team-error" />
      </div>
    </form>
  );
}
