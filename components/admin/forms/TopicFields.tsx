import type { EditableTopicDTO } from '@/db/queries/admin/topics';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import { TOPIC_STORIES_MAX } from '@/domain/validation/topic';
import { TextAreaField, TextField } from './Field';

/** The fields of a topic (专题), for creating one and for its own screen. */
export function TopicFields({ form, mt, topic }: { form: string; mt: ManageTranslator; topic?: EditableTopicDTO }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField form={form} name="title" label={mt('topicName')} required maxLength={120} defaultValue={topic?.title} />
      <TextField form={form} name="slug" label={mt('slug')} hint={mt('topicSlugHint')} maxLength={120} defaultValue={topic?.slug} autoCapitalize="none" spellCheck={false} />
      <TextAreaField form={form} name="intro" label={mt('topicIntro')} maxLength={2000} rows={4} defaultValue={topic?.intro} className="md:col-span-2" />
      <TextField form={form} name="coverImageUrl" label={mt('topicCover')} hint={mt('topicCoverHint')} maxLength={2000} defaultValue={topic?.coverImageUrl ?? ''} autoCapitalize="none" spellCheck={false} />
      <TextField form={form} name="coverImageAlt" label={mt('topicCoverAlt')} maxLength={300} defaultValue={topic?.coverImageAlt} />
      <TextAreaField
        form={form}
        name="stories"
        label={mt('topicStories')}
        hint={mt('topicStoriesHint', { max: TOPIC_STORIES_MAX })}
        rows={8}
        defaultValue={topic?.stories.map((s) => String(s.id)).join('\n')}
        className="md:col-span-2"
        spellCheck={false}
      />
      <label className="flex items-start gap-2 text-sm md:col-span-2">
        <input id={`${form}-published`} type="checkbox" name="published" defaultChecked={topic?.published ?? false} className="mt-1" />
        <span>{mt('topicPublished')}</span>
      </label>
    </div>
  );
}
