import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Image, Popconfirm, Typography, Upload } from 'antd';
import { CameraOutlined, CloseOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { downloadFile, fetchBlob, uploadFile } from '../../../shared/api/transfer';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { reportsApi, type Attachment } from '../reportsApi';

/** What the server keeps per file; checked here too, to spare the upload. */
const kMaxBytes = 10 * 1024 * 1024;
const kShownInline = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const kAccept = 'image/jpeg,image/png,image/gif,image/webp,image/heic,application/pdf';
/** Sends one photo of a finding (its bytes as the body; 413 too large, 422 its type or the count). */
export const uploadFindingPhoto = (findingId: number, file: File) =>
  uploadFile(`/findings/${findingId}/photos`, file, { query: { file_name: file.name.slice(0, 120) }, contentType: file.type || 'application/octet-stream' });

/** The photo chooser of the 记录问题 form: files picked are kept (not sent) until the finding is saved. */
export function PhotoChooser({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Upload
      accept={kAccept}
      multiple
      fileList={files.map((file, index) => ({ uid: String(index), name: file.name, status: 'done' as const }))}
      beforeUpload={(file, picked) => {
        if (file === picked[0]) {
          const fits = picked.filter((one) => one.size <= kMaxBytes);
          if (fits.length < picked.length) void message.error(t('findingPhoto.tooLarge'));
          onChange([...files, ...fits]);
        }
        return false;
      }}
      onRemove={(entry) => onChange(files.filter((_, index) => String(index) !== entry.uid))}
    >
      <Button size="small" icon={<CameraOutlined />} data-testid="finding-photo-choose">
        {t('findingPhoto.add')}
      </Button>
    </Upload>
  );
}

export const findingPhotoKeys = { of: (findingId: number) => ['findings', findingId, 'photos'] as const };

/**
 * A finding's photos as thumbnails (fetched with the session, shown enlarged on click; a PDF or a HEIC
 * as a file to download), and 添加照片 for customer relations (`writable`), who may also take a photo
 * of an open finding away again (`removable`; a closed finding's photos are its evidence). `count` is
 * the finding's photo_count: without photos nothing is asked for.
 */
export function FindingPhotos({ findingId, count, writable, removable }: { findingId: number; count: number; writable: boolean; removable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // Once a photo is added here, the list is read even if the finding's count is still the old one.
  const [added, setAdded] = useState(false);
  const photos = useQuery({
    queryKey: findingPhotoKeys.of(findingId),
    queryFn: ({ signal }) => reportsApi.findingPhotos(findingId, signal),
    staleTime: 60_000,
    enabled: count > 0 || added,
  });
  const [urls, setUrls] = useState<Record<number, string>>({});
  const urlsRef = useRef<Record<number, string>>({});
  const [uploading, setUploading] = useState(false);
  const items = photos.data?.items;

  // Fetch each image once; the object URLs are revoked when the finding goes away.
  useEffect(() => {
    if (!items) return;
    const controller = new AbortController();
    for (const file of items) {
      if (!kShownInline.includes(file.content_type) || urlsRef.current[file.id]) continue;
      fetchBlob(`/findings/${findingId}/photos/${file.id}`, {}, controller.signal)
        .then(({ blob }) => {
          urlsRef.current = { ...urlsRef.current, [file.id]: URL.createObjectURL(blob) };
          setUrls(urlsRef.current);
        })
        .catch(() => undefined);
    }
    return () => controller.abort();
  }, [items, findingId]);
  useEffect(
    () => () => {
      for (const url of Object.values(urlsRef.current)) URL.revokeObjectURL(url);
    },
    [],
  );

  const upload = async (file: File) => {
    if (file.size > kMaxBytes) {
      void message.error(t('findingPhoto.tooLarge'));
      return;
    }
    setUploading(true);
    try {
      await uploadFindingPhoto(findingId, file);
      setAdded(true);
      await queryClient.invalidateQueries({ queryKey: findingPhotoKeys.of(findingId) });
      void message.success(t('findingPhoto.added'));
    } catch (err) {
      const reason = err instanceof ApiError && err.status === 413 ? t('findingPhoto.tooLarge') : errorMessage(t, err);
      void message.error(t('findingPhoto.failed', { reason }));
    } finally {
      setUploading(false);
    }
  };

  const remove = async (file: Attachment) => {
    try {
      await reportsApi.removeFindingPhoto(findingId, file.id);
      await queryClient.invalidateQueries({ queryKey: findingPhotoKeys.of(findingId) });
      void message.success(t('findingPhoto.removed', { name: file.file_name }));
    } catch (err) {
      void message.error(t('findingPhoto.removeFailed', { reason: errorMessage(t, err) }));
    }
  };
  /** 删除 at the thumbnail's corner, asked once. */
  const removeButton = (file: Attachment) =>
    removable && (
      <Popconfirm
        title={t('findingPhoto.removeConfirm', { name: file.file_name })}
        okText={t('findingPhoto.removeOk')}
        okButtonProps={{ danger: true }}
        cancelText={t('findingPhoto.keep')}
        onConfirm={() => remove(file)}
      >
        <Button
          size="small"
          shape="circle"
          icon={<CloseOutlined style={{ fontSize: 10 }} />}
          aria-label={t('findingPhoto.remove', { name: file.file_name })}
          style={{ position: 'absolute', top: -6, right: -6, width: 20, minWidth: 20, height: 20, zIndex: 1 }}
          data-testid={`finding-photo-remove-${file.id}`}
        />
      </Popconfirm>
    );

  if (!items?.length && !writable) return null;
  return (
    <Flex gap={6} wrap align="center" style={{ marginTop: 4 }} data-testid={`finding-photos-${findingId}`} data-count={items?.length ?? 0}>
      {!!items?.length && (
        <Image.PreviewGroup>
          {items.map((file: Attachment) => (
            <span key={file.id} style={{ position: 'relative', display: 'inline-block' }}>
              {kShownInline.includes(file.content_type) ? (
                <Image
                  width={48}
                  height={48}
                  src={urls[file.id]}
                  alt={t('findingPhoto.alt', { name: file.file_name })}
                  style={{ objectFit: 'cover', borderRadius: 4, background: '#f5f5f5' }}
                  data-testid="finding-photo"
                />
              ) : (
                <Button
                  size="small"
                  icon={<FilePdfOutlined />}
                  onClick={() => void downloadFile(`/findings/${findingId}/photos/${file.id}`, {}, file.file_name)}
                  title={file.file_name}
                  data-testid="finding-photo"
                />
              )}
              {removeButton(file)}
            </span>
          ))}
        </Image.PreviewGroup>
      )}
      {writable && (
        <Upload
          accept={kAccept}
          showUploadList={false}
          multiple={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button size="small" type="dashed" icon={<CameraOutlined />} loading={uploading} data-testid={`finding-photo-add-${findingId}`}>
            {t('findingPhoto.add')}
          </Button>
        </Upload>
      )}
      {!items?.length && !writable && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('findingPhoto.none')}
        </Typography.Text>
      )}
    </Flex>
  );
}
