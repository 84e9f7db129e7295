-- CreateTable
CREATE TABLE "offer_invitation" (
    "id" TEXT NOT NULL,
    "offer_id" TEXT NOT NULL,
    "student_id" TEXT NOT NULL,
    "invited_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "offer_invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "offer_invitation_student_id_idx" ON "offer_invitation"("student_id");

-- CreateIndex
CREATE UNIQUE INDEX "offer_invitation_offer_id_student_id_key" ON "offer_invitation"("offer_id", "student_id");

-- AddForeignKey
ALTER TABLE "offer_invitation" ADD CONSTRAINT "offer_invitation_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offer_invitation" ADD CONSTRAINT "offer_invitation_student_id_fkey" FOREIGN KEY ("student_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offer_invitation" ADD CONSTRAINT "offer_invitation_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
