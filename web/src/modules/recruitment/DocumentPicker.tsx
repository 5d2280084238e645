import { Button, FileButton, Group, Select, Table, Text } from '@mantine/core';
import { useRecruitmentText } from './recruitmentText';

export const KINDS = ['application_form', 'cv', 'diploma', 'certificate', 'identity', 'other'] as const;
export type Kind = (typeof KINDS)[number];
const DEFAULT_KIND: Kind = 'cv';

export interface PickedDocument {
  file: File;
  kind: Kind;
}

/**
 * The documents of an application, chosen and each given its kind: the candidate's own form and HR's paper
 * application use the same picker. `testId` prefixes the button's and the error's test ids.
 */
export function DocumentPicker({
  files,
  onChange,
  error,
  testId,
}: {
  files: PickedDocument[];
  onChange: (files: PickedDocument[]) => void;
  error: string | undefined;
  testId: string;
}) {
  const { tr } = useRecruitmentText();
  return (
    <>
      <Group>
        <FileButton
          multiple
          accept="application/pdf,image/png,image/jpeg"
          onChange={(picked) => onChange([...files, ...picked.map((file) => ({ file, kind: DEFAULT_KIND }))])}
        >
          {(props) => (
            <Button variant="default" {...props} data-testid={`${testId}-files`}>
              {tr('chooseFiles')}
            </Button>
          )}
        </FileButton>
      </Group>
      {error && (
        <Text c="red" size="sm" data-testid={`${testId}-documents-error`}>
          {error}
        </Text>
      )}
      {files.length > 0 && (
        <Table>
          <Table.Tbody>
            {files.map((f, i) => (
              <Table.Tr key={i}>
                <Table.Td>{f.file.name}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={tr('documentKind')}
                    data={KINDS.map((k) => ({ value: k, label: tr(`documentKinds.${k}`) }))}
                    value={f.kind}
                    onChange={(v) => v && onChange(files.map((x, k) => (k === i ? { ...x, kind: v as Kind } : x)))}
                    w={200}
                  />
                </Table.Td>
                <Table.Td>
                  <Button variant="subtle" color="red" size="xs" onClick={() => onChange(files.filter((_, k) => k !== i))}>
                    {tr('remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
